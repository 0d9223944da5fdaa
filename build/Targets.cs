/// <summary>The Slipway build: targets live in the other Build.*.cs files of this partial class.</summary>
partial class Build : SlipwayBuild
{
    public static int Main() => Execute<Build>();
}
