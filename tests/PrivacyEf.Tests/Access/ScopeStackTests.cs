namespace PrivacyEf.Tests.Access;

/// <summary>Scopes form a stack per asynchronous flow: closed innermost first, and a closed scope is current nowhere.</summary>
public sealed class ScopeStackTests
{
    [Fact]
    public void Closing_an_outer_scope_before_the_inner_one_is_refused_naming_both()
    {
        using var outer = Privacy.System("nightly purge");
        using var inner = Privacy.Access("support", "agent-7", ["agent"]);

        var error = Assert.Throws<InvalidOperationException>(outer.Dispose);

        Assert.Contains("nightly purge", error.Message, StringComparison.Ordinal);
        Assert.Contains("agent-7", error.Message, StringComparison.Ordinal);
        Assert.Same(inner, Privacy.Current);
        inner.Dispose();
        Assert.Same(outer, Privacy.Current);
        outer.Dispose();
        Assert.Null(Privacy.Current);
    }

    [Fact]
    public async Task A_scope_closed_in_a_child_task_is_not_current_in_the_parent_flow()
    {
        using var outer = Privacy.Access("billing", "clerk-2", ["clerk"]);
        var inner = Privacy.Access("support", "agent-7", ["agent"]);

        await Task.Run(() =>
        {
            Assert.Same(inner, Privacy.Current);
            inner.Dispose();
            Assert.Same(outer, Privacy.Current);
        });

        Assert.Same(outer, Privacy.Current);
    }

    [Fact]
    public async Task A_child_task_inherits_the_scope_and_its_own_scope_does_not_leak_back()
    {
        using var scope = Privacy.Access("support", "agent-7", ["agent"]);

        var seen = await Task.Run(() =>
        {
            var inherited = Privacy.Current;
            _ = Privacy.System("child work, never closed");
            return inherited;
        });

        Assert.Same(scope, seen);
        Assert.Same(scope, Privacy.Current);
    }

    [Fact]
    public void A_closed_scope_is_never_current_and_closing_it_twice_changes_nothing()
    {
        var scope = Privacy.Access("support", "agent-7", ["agent"]);
        scope.Dispose();
        scope.Dispose();

        Assert.Null(Privacy.Current);
    }
}
