using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Configuration.AddHaloSecretFiles(args);
    builder.AddHaloSiloTenants(args);
    builder.UseOrleans(silo => silo.UseHaloClustering().AddHaloGrains().AddHaloOps());
    await builder.Build().RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join("; ", ex.Failures)}");
    return 1;
}
