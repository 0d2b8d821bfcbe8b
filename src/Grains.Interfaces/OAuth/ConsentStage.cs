namespace HaloMcp.Grains.OAuth;

/// <summary>Where a consent (one visit of the consent page) stands.</summary>
public enum ConsentStage
{
    /// <summary>Shown; waiting for a sign-in.</summary>
    Pending,

    /// <summary>The person went to sign in to their HaloPSA; waiting for it to send them back.</summary>
    AwaitingHaloSignIn,

    /// <summary>Answered (a code, or a refusal): it cannot be used again.</summary>
    Completed,

    /// <summary>Too many failed sign-ins: it cannot be used again.</summary>
    Locked,
}
