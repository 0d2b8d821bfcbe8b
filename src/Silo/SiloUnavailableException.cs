namespace HaloMcp.Silo;

/// <summary>Thrown for a grain call that the silo will not run because it is shutting down.</summary>
public sealed class SiloUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public SiloUnavailableException()
        : base("The silo is shutting down and accepts no new grain calls.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
