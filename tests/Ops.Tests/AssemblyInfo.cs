// One test class at a time: several servers share this process, and OpenTelemetry's Prometheus exporter listens to
// meters by name across the whole process, so a server shutting down in a parallel class ends the same-named
// instruments another server's scrape is reading (one server per process, as in production, has no such neighbour).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
