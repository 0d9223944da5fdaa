/// <summary>The Slipway build: its targets live in the other Targets.*.cs files of this partial class.</summary>
partial class Targets : SlipwayBuild
{
    public static int Main() => Execute<Targets>(x => x.Doctor);
}
