using HaloMcp.HaloSim;

var app = HaloSimApplication.Build(args, options: null, time: null, loggerFactory: null, randomLoopbackPort: false, warmUp: true);
await app.RunAsync();
