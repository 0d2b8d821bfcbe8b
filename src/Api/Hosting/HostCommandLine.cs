using HaloMcp.Api.Tenancy;

namespace HaloMcp.Api.Hosting;

/// <summary>
/// The command line split into our own flags and the rest, which goes to the ASP.NET Core / generic host
/// configuration untouched. Our flags must not reach the host: <c>--stdio --urls x</c> would otherwise be read as
/// the key <c>stdio</c> with value <c>--urls</c>.
/// </summary>
/// <param name="Command">What to run.</param>
/// <param name="HashKeyInput">The key given to <c>hash-key</c>, or null to generate one.</param>
/// <param name="TenantsFile">The tenants JSON file from <c>--tenants-file</c>.</param>
/// <param name="Demo">The demo flags.</param>
/// <param name="HostArgs">Everything else, for the host's own command-line configuration.</param>
public sealed record HostCommandLine(
    HostCommand Command,
    string? HashKeyInput,
    string? TenantsFile,
    DemoOptions Demo,
    IReadOnlyList<string> HostArgs)
{
    /// <summary>The environment variable that chooses the transport when the command line does not (<see cref="ResolveCommand"/>).</summary>
    public const string TransportVariable = "HALOMCP_TRANSPORT";

    /// <summary>Splits <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">A flag lacks its value; the message says which.</exception>
    public static HostCommandLine Parse(IReadOnlyList<string> args)
    {
        var command = HostCommand.Http;
        string? hashKey = null;
        string? tenantsFile = null;
        var demo = new DemoOptions();
        var rest = new List<string>();
        var start = 0;
        if (args.Count > 0 && args[0] == "hash-password")
        {
            command = HostCommand.HashPassword;
            start = 1;
        }
        else if (args.Count > 0 && args[0] == "hash-key")
        {
            command = HostCommand.HashKey;
            start = 1;
            if (args.Count > 1 && !args[1].StartsWith("--", StringComparison.Ordinal))
            {
                hashKey = args[1];
                start = 2;
            }
        }

        for (var i = start; i < args.Count; i++)
        {
            var (flag, inlineValue) = SplitFlag(args[i]);
            switch (flag)
            {
                case "--stdio":
                    command = command is HostCommand.HashKey or HostCommand.HashPassword ? command : HostCommand.Stdio;
                    break;
                case "--demo":
                    demo.Enabled = true;
                    break;
                case "--demo-api-key":
                    demo.ApiKey = inlineValue ?? Next(args, ref i, flag, "a key");
                    break;
                case "--halosim-url":
                    var url = inlineValue ?? Next(args, ref i, flag, "a URL");
                    demo.HaloSimUrl = Uri.TryCreate(url, UriKind.Absolute, out var parsed)
                        ? parsed
                        : throw new ArgumentException($"--halosim-url needs an absolute URL, not '{url}'.");
                    break;
                case "--tenants-file":
                    tenantsFile = inlineValue ?? Next(args, ref i, flag, "a path");
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new HostCommandLine(command, hashKey, tenantsFile, demo, rest);
    }

    /// <summary>
    /// What to run once <c>HALOMCP_TRANSPORT</c> is applied. <c>auto</c> (the container image sets it) serves stdio when
    /// the command line asks for no mode of its own (<c>--stdio</c>, <c>--demo</c>, <c>--tenants-file</c>,
    /// <c>--halosim-url</c>, <c>--urls</c>) and the environment holds any of the reference servers' HaloPSA variables
    /// (<c>HALOPSA_*</c>, <c>HALO_*</c>, <c>X_*</c>): that is their users' <c>docker run -i --rm -e HALO_...</c> line.
    /// <c>stdio</c> always serves stdio; unset or <c>http</c> changes nothing. <c>hash-key</c> and <c>hash-password</c>
    /// stay what they are.
    /// </summary>
    /// <exception cref="ArgumentException"><c>HALOMCP_TRANSPORT</c> has another value; the message lists the valid ones.</exception>
    public HostCommand ResolveCommand(Func<string, string?> environment)
    {
        var transport = environment(TransportVariable)?.Trim().ToLowerInvariant();
        switch (transport)
        {
            case null or "":
                return Command;
            case not ("http" or "stdio" or "auto"):
                throw new ArgumentException($"{TransportVariable} must be http, stdio or auto, not '{transport}'.");
            case "http":
                return Command;
            case "stdio":
                return Command == HostCommand.Http ? HostCommand.Stdio : Command;
        }

        var asksForHttp = Demo.Enabled || Demo.HaloSimUrl is not null || TenantsFile is not null
            || HostArgs.Any(a => a.StartsWith("--urls", StringComparison.OrdinalIgnoreCase));
        return Command == HostCommand.Http && !asksForHttp && StdioTenantEnvironment.AnyGiven(environment) ? HostCommand.Stdio : Command;
    }

    private static (string Flag, string? Value) SplitFlag(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return (arg, null);
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string flag, string what)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{flag} needs {what}.");
        }

        return args[++i];
    }
}
