namespace Slipway.Engine.Tests;

public class AbsolutePathTests
{
    private static readonly AbsolutePath Root = AbsolutePath.Create(Path.GetTempPath()) / "slipway";

    [Fact]
    public void Divide_CombinesAndResolvesDotDot()
    {
        var path = Root / "docker" / "app" / ".." / "tools";

        ((string)path).Should().Be(Path.Combine(Root, "docker", "tools"));
        path.Name.Should().Be("tools");
        path.Parent.Should().Be(Root / "docker");
    }

    [Fact]
    public void Divide_RootedRightSide_IsRejected()
    {
        var combine = () => Root / "/etc";

        combine.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Create_RelativePath_IsRejected()
    {
        var create = () => AbsolutePath.Create("relative/path");

        create.Should().Throw<ArgumentException>().WithMessage("'relative/path' is not an absolute path.*");
    }

    [Fact]
    public void CreateAndDeleteDirectory_WorkOnTheDisk_AndDeletingTwiceIsFine()
    {
        var folder = AbsolutePath.Create(Directory.CreateTempSubdirectory().FullName) / "a" / "b";

        folder.CreateDirectory().Exists().Should().BeTrue();
        folder.Parent!.DeleteDirectory();
        folder.Parent.DeleteDirectory();

        folder.Parent.Exists().Should().BeFalse();
    }

    [Fact]
    public void Equality_IgnoresTrailingSeparators()
    {
        AbsolutePath.Create(Root + Path.DirectorySeparatorChar).Should().Be(Root);
        (AbsolutePath.Create(Root) == Root).Should().BeTrue();
    }
}
