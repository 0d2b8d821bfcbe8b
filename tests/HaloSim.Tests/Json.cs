using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Tests;

internal static class Json
{
    // Works for parsed (element-backed) and in-process (primitive-backed) values alike.
    public static double Num(JsonNode? node) => double.Parse(node!.ToJsonString(), CultureInfo.InvariantCulture);

    public static int Int(this JsonNode? node, string name) => (int)Num(node![name]);

    public static double Dbl(this JsonNode? node, string name) => Num(node![name]);

    public static string Str(this JsonNode? node, string name) => node![name]!.GetValue<string>();

    public static bool Bool(this JsonNode? node, string name) => node![name]!.GetValue<bool>();

    public static List<JsonObject> Items(this JsonNode node, string key) => node[key]!.AsArray().Select(n => n!.AsObject()).ToList();

    public static List<JsonObject> Items(this JsonNode node) => node.AsArray().Select(n => n!.AsObject()).ToList();

    public static int Field(this JsonObject record, string name) => (int)Num(record[name]);
}
