namespace HaloMcp.Api.Hosting;

/// <summary>What a start of the executable does.</summary>
public enum HostCommand
{
    /// <summary>Serve MCP over Streamable HTTP (the default).</summary>
    Http,

    /// <summary>Serve one tenant over stdio (<c>--stdio</c>).</summary>
    Stdio,

    /// <summary>Print a new or given API key and its hash (<c>hash-key [KEY]</c>), then exit.</summary>
    HashKey,

    /// <summary>Read an operator's password from standard input and print its hash (<c>hash-password</c>), then exit.</summary>
    HashPassword,
}
