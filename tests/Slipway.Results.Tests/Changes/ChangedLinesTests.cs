using Slipway.Results.Changes;

namespace Slipway.Results.Tests.Changes;

public sealed class ChangedLinesTests
{
    [Fact]
    public void The_new_side_of_each_hunk_is_changed_and_deleted_lines_change_nothing()
    {
        var diff = ChangedLines.Parse("""
            diff --git a/src/Form.php b/src/Form.php
            --- a/src/Form.php
            +++ b/src/Form.php
            @@ -10,0 +11,3 @@ class Form
            +    $a = 1;
            +    $b = 2;
            +    $c = 3;
            @@ -40 +43 @@ class Form
            -old
            +new
            @@ -60,2 +62,0 @@
            -gone
            -gone
            diff --git a/old.php b/old.php
            --- a/old.php
            +++ /dev/null
            @@ -1 +0,0 @@
            -removed
            """);

        diff.Contains("src/Form.php", 11).Should().BeTrue();
        diff.Contains("src/Form.php", 13).Should().BeTrue();
        diff.Contains("src/Form.php", 43).Should().BeTrue();
        diff.Contains("src/Form.php", 14).Should().BeFalse();
        diff.Contains("src/Form.php", 62).Should().BeFalse();
        diff.Contains("old.php", 1).Should().BeFalse();
        diff.Contains("src/Form.php", null).Should().BeFalse();
    }
}
