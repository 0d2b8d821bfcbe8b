namespace HaloMcp.Grains;

/// <summary>
/// Marks a grain contract whose activations are addressed by a string key (Orleans' <c>IGrainWithStringKey</c>).
/// </summary>
public interface IGrainWithStringKey;
