using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>A real web server on 127.0.0.1 serving client ID metadata documents (as a client's own site would) or pages (as another site would).</summary>
public sealed class MetadataDocumentServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string ContentType, string Body)> _documents;
    private readonly Uri _base;

    private MetadataDocumentServer(WebApplication app, ConcurrentDictionary<string, (string ContentType, string Body)> documents, Uri baseUrl)
    {
        _app = app;
        _documents = documents;
        _base = baseUrl;
    }

    public static async Task<MetadataDocumentServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var documents = new ConcurrentDictionary<string, (string ContentType, string Body)>();
        app.Run(context =>
        {
            if (!documents.TryGetValue(context.Request.Path.Value ?? string.Empty, out var document))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            context.Response.ContentType = document.ContentType;
            return context.Response.WriteAsync(document.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new MetadataDocumentServer(app, documents, new Uri(address));
    }

    public string Url(string path) => new Uri(_base, path).ToString();

    public void Serve(string path, JsonObject document) => _documents[path] = ("application/json", document.ToJsonString());

    public void ServeHtml(string path, string html) => _documents[path] = ("text/html; charset=utf-8", html);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
