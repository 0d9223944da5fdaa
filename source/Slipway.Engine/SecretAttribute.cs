namespace Slipway.Engine;

/// <summary>Marks a parameter whose value is never printed: help, plan and logs show "(secret)" instead.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
