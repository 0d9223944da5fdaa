using System.Runtime.Versioning;

// The tests drive a Docker engine on a unix socket and set unix file modes: they run on Linux only.
[assembly: SupportedOSPlatform("linux")]
