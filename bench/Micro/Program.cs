using BenchmarkDotNet.Running;
using HaloMcp.Bench.Micro;

// `dotnet run -c Release --project bench/Micro -- --filter '*'` runs every benchmark; BenchmarkDotNet's own options
// (--filter, --artifacts, --list flat) work as usual.
BenchmarkSwitcher.FromAssembly(typeof(MicroConfig).Assembly).Run(args, new MicroConfig());
