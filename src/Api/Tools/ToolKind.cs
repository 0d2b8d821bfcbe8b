namespace HaloMcp.Api.Tools;

/// <summary>What a tool does to HaloPSA, which decides its annotations.</summary>
public enum ToolKind
{
    /// <summary>Reads only.</summary>
    Read,

    /// <summary>Creates a new record; repeating it outside the idempotency window creates another.</summary>
    Create,

    /// <summary>Overwrites fields of a record; repeating it leaves the same state.</summary>
    Update,

    /// <summary>Adds to a record (a note, a time entry); repeating it adds again.</summary>
    Append,
}
