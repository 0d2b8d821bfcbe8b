using System.Text.Json;
using System.Text.Json.Serialization;
using HaloMcp.Grains.Search;

namespace HaloMcp.Api.Tools;

/// <summary>Writes <see cref="SearchEntity"/> as the lower-case word the tool's input takes.</summary>
public sealed class SearchEntityJsonConverter() : JsonStringEnumConverter<SearchEntity>(JsonNamingPolicy.SnakeCaseLower);
