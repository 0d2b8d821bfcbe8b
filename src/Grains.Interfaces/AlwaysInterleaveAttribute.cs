namespace HaloMcp.Grains;

/// <summary>
/// Marks a grain method that may run at any time, even while another call's turn is in progress on the same
/// activation (Orleans' <c>[AlwaysInterleave]</c>). The method must be safe against every other method of the grain.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
