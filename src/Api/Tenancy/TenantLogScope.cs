using System.Collections;

namespace HaloMcp.Api.Tenancy;

/// <summary>The log scope every line written while serving a tenant carries: <c>TenantId</c>.</summary>
internal sealed class TenantLogScope(string tenantId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Key = "TenantId";

    public string TenantId => tenantId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Key, tenantId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"TenantId:{tenantId}";
}
