using HaloMcp.Api.Hosting;

return await HaloMcpHost.RunAsync(args);
