using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim;

/// <summary>Builds the simulator web app; used by both <c>Program</c> and <see cref="HaloSimHost"/>.</summary>
internal static class HaloSimApplication
{
    /// <summary>
    /// Builds the app. With <paramref name="options"/> null, options bind from configuration (appsettings.json,
    /// <c>HaloSim__...</c> environment variables, command line); otherwise the given options are used as they are.
    /// </summary>
    public static WebApplication Build(string[] args, HaloSimOptions? options, TimeProvider? time, ILoggerFactory? loggerFactory, bool randomLoopbackPort, bool warmUp = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        if (loggerFactory is not null)
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
        }

        // The webhook client's per-request Information lines would drown the simulator's own log.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (randomLoopbackPort)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        if (options is null)
        {
            // In a container the instances' secrets come as files, as the product's own nodes take theirs (a file named
            // HaloSim__Instances__0__ClientSecret under SecretsDirectory sets that key); the environment and the command
            // line still override them, as they do there.
            if (builder.Configuration["SecretsDirectory"] is { Length: > 0 } secrets)
            {
                builder.Configuration.AddKeyPerFile(Path.GetFullPath(secrets), optional: true, reloadOnChange: false);
                builder.Configuration.AddEnvironmentVariables();
                builder.Configuration.AddCommandLine(args);
            }

            options = new HaloSimOptions();
            builder.Configuration.GetSection(HaloSimOptions.SectionName).Bind(options);
        }

        var effective = options;
        builder.Services.AddHttpClient(Webhooks.SimWebhooks.HttpClientName);
        builder.Services.AddSingleton(sp => new SimInstanceRegistry(effective, time ?? TimeProvider.System,
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<SimRequestDispatcher>();
        var app = builder.Build();
        var dispatcher = app.Services.GetRequiredService<SimRequestDispatcher>();
        app.Map("/{**path}", dispatcher.HandleAsync);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var registry = app.Services.GetRequiredService<SimInstanceRegistry>();
            if (warmUp)
            {
                // Generate the datasets in the background so the first request does not pay for it; startup stays instant.
                foreach (var instance in registry.Instances)
                {
                    _ = Task.Run(instance.Data.WarmUp);
                }
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            SimLog.Started(app.Services.GetRequiredService<ILogger<SimInstanceRegistry>>(), string.Join(", ", registry.Instances.Select(i => i.Name)), string.Join(", ", addresses));
        });
        return app;
    }
}
