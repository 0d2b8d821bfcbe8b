namespace HaloMcp.Grains;

/// <summary>
/// Marks a grain method that does not change the grain's state: calls to it may run at the same time as other
/// <see cref="ReadOnlyAttribute"/> calls on the same activation, but never at the same time as a call that is not
/// read-only (Orleans' <c>[ReadOnly]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class ReadOnlyAttribute : Attribute;
