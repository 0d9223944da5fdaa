namespace Slipway.Engine.Parameters;

/// <summary>A parameter's value as text, before conversion; no values means a bare flag (<c>--sequential</c>).</summary>
/// <param name="Values">The values given, in order.</param>
/// <param name="Source">Where they were given.</param>
/// <param name="BaseDirectory">The folder relative paths are resolved against.</param>
/// <param name="GivenName">The name as a parameters file spells it, to name it in an error.</param>
internal sealed record RawValue(IReadOnlyList<string> Values, ParameterSource Source, string BaseDirectory, string? GivenName = null);
