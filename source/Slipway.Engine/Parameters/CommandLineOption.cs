namespace Slipway.Engine.Parameters;

/// <summary>One <c>--name value...</c> of the command line, with every value given for it.</summary>
/// <param name="Name">The name as typed, without the dashes.</param>
/// <param name="Values">The values that followed it up to the next option.</param>
internal sealed record CommandLineOption(string Name, IReadOnlyList<string> Values)
{
    public string Key => ParameterNames.Normalize(Name);
}
