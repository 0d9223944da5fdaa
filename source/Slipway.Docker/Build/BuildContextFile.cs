namespace Slipway.Docker.Build;

/// <summary>A file that exists only in memory (a generated Dockerfile), placed at <paramref name="ContextPath"/>.</summary>
public sealed record BuildContextFile(string ContextPath, ReadOnlyMemory<byte> Content, UnixFileMode Mode);
