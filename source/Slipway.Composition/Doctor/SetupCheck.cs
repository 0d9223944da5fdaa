namespace Slipway.Composition.Doctor;

/// <summary>One line of Doctor's report: what was checked, whether it is fine, and what was found or what to do.</summary>
public sealed record SetupCheck(string Name, bool Ok, string Detail);
