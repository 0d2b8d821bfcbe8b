using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>
/// Writes records as HaloPSA answers them: lists in their envelopes (halopsa-api §3.2) or as bare arrays, single
/// records bare or enveloped, each as the instance's <see cref="SimBehaviourOptions"/> read the contested shapes.
/// Called under the dataset's lock, so a record is never written while a write changes it.
/// </summary>
internal static class RecordRendering
{
    public static byte[] List(SimTables t, EntityRoute route, IQueryCollection q, SimBehaviourOptions behaviours)
    {
        var query = RecordQuery.Parse(route.Kind, q, behaviours);
        var source = route.Kind == SimEntityKind.Action && RecordQuery.IntParam(q, "ticket_id") is { } ticketOfActions
            ? t.ActionsOf(ticketOfActions)
            : t[route.Kind].Values;
        var matches = query.Apply(source);
        var withLines = RecordQuery.Flag(q, "includelines");
        var key = route.Kind switch
        {
            SimEntityKind.RecurringInvoice when behaviours.RecurringInvoiceList == SimListShape.BareArray => null,
            SimEntityKind.Agent when query.Paginate && behaviours.AgentListWhenPaged == SimListShape.Envelope => "agents",
            _ => route.EnvelopeKey,
        };
        return Serialize(w =>
        {
            if (key is null)
            {
                // Reference lists answer every match; a collection read as a bare list answers the rows it would page.
                w.WriteStartArray();
                foreach (var r in route.EnvelopeKey is null ? matches : query.Page(matches))
                {
                    WriteRecord(w, r, withLines);
                }

                w.WriteEndArray();
                return;
            }

            var page = query.Page(matches);
            w.WriteStartObject();
            if (route.Kind == SimEntityKind.Action && RecordQuery.IntParam(q, "ticket_id") is { } ticketId)
            {
                w.WriteNumber("ticket_id", ticketId);
            }

            if (query.Paginate)
            {
                w.WriteNumber("page_no", query.PageNo);
                w.WriteNumber("page_size", query.PageSize);
            }

            var countAll = query.Paginate || behaviours.RecordCountWithoutPaging == SimRecordCount.Total;
            w.WriteNumber("record_count", countAll ? matches.Count : page.Count);
            w.WriteStartArray(key);
            foreach (var r in page)
            {
                WriteRecord(w, r, withLines);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// One record bare, several as an array; enveloped, either as <c>{"key":[...]}</c> when the collection has a list key.
    /// </summary>
    public static byte[] Records(EntityRoute route, IReadOnlyList<JsonObject> records, bool withLines, SimRecordShape shape) => Serialize(w =>
    {
        var envelope = shape == SimRecordShape.Enveloped ? route.EnvelopeKey : null;
        if (envelope is not null)
        {
            w.WriteStartObject();
            w.WriteStartArray(envelope);
        }
        else if (records.Count == 1)
        {
            WriteRecord(w, records[0], withLines);
            return;
        }
        else
        {
            w.WriteStartArray();
        }

        foreach (var r in records)
        {
            WriteRecord(w, r, withLines);
        }

        w.WriteEndArray();
        if (envelope is not null)
        {
            w.WriteEndObject();
        }
    });

    /// <summary>A copy of a record as a GET by id answers it (lines only on request), for payloads built elsewhere.</summary>
    public static JsonObject Snapshot(JsonObject record, bool withLines = false)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in record)
        {
            if (withLines || key != "lines")
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    public static void WriteRecord(Utf8JsonWriter w, JsonObject record, bool withLines)
    {
        w.WriteStartObject();
        foreach (var (key, value) in record)
        {
            if (!withLines && key == "lines")
            {
                continue;
            }

            w.WritePropertyName(key);
            if (value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                value.WriteTo(w);
            }
        }

        w.WriteEndObject();
    }

    public static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
