namespace HaloMcp.Grains.Writes;

/// <summary>
/// The write-ahead record of one idempotent write (grain state in <see cref="Storage.HaloStorage.WriteAhead"/>): it is
/// durable before the request leaves, so a repeat after any crash finds it.
/// </summary>
[GenerateSerializer, Alias("halo.Writes.WriteRecord")]
public sealed class WriteRecord
{
    /// <summary>Where the write stands.</summary>
    [Id(0)]
    public WriteStatus Status { get; set; }

    /// <summary>The end of the idempotency window, counted from the first attempt.</summary>
    [Id(1)]
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>For <see cref="WriteStatus.Done"/>: what the write returned (a ticket, asset, client or action record).</summary>
    [Id(2)]
    public object? Result { get; set; }
}
