namespace HaloMcp.Grains;

/// <summary>
/// A call of this grain method (or of every method of this interface) may be sent again with no effect beyond the
/// first: it reads, or it writes through a write-ahead record that answers or refuses a repeat. In a cluster, a call
/// that meets a failed silo is retried until the silo's grains serve again elsewhere; a method without this mark is
/// retried only when the call provably never reached its grain.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class RepeatableAttribute : Attribute;
