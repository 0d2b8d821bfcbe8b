using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo;
using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddHaloSecretFiles(args);
builder.Services.AddSingleton<ITenantDirectory, ConfiguredTenantDirectory>();
builder.Services.AddHostedService<SiloAddressLog>();
builder.UseOrleans(silo => silo.UseHaloClustering().AddHaloGrains().AddHaloOps());
await builder.Build().RunAsync();
