namespace Microsoft.Extensions.Configuration;

/// <summary>Secrets given as files, the way container platforms hand them over (compose and swarm secrets, Kubernetes secret volumes).</summary>
public static class SecretFilesConfigurationExtensions
{
    /// <summary>The configuration key naming the directory of secret files; the container images set it to <c>/run/secrets</c>.</summary>
    public const string DirectoryKey = "SecretsDirectory";

    /// <summary>
    /// When <c>SecretsDirectory</c> names a directory, every file in it becomes a configuration key named after the file
    /// (<c>__</c> separating sections: a file <c>Orleans__SealingKey</c> sets <c>Orleans:SealingKey</c>) whose value is
    /// the file's content less a trailing newline. The files override configuration files (and the tenants file, when it
    /// was added before); the environment and <paramref name="args"/> still override them, as they override every file.
    /// A missing directory is no error: a deployment may have no secret.
    /// </summary>
    public static ConfigurationManager AddHaloSecretFiles(this ConfigurationManager configuration, IReadOnlyList<string> args)
    {
        if (configuration[DirectoryKey] is not { Length: > 0 } directory)
        {
            return configuration;
        }

        configuration.AddKeyPerFile(Path.GetFullPath(directory), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. args]);
        return configuration;
    }
}
