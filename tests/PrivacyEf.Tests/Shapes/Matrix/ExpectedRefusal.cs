namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>
/// The clear refusal a cell asserts where its shape does not support its capability: an
/// <see cref="InvalidOperationException"/> whose message names where (entity, property, why).
/// </summary>
/// <param name="Naming">The texts the message must contain.</param>
public sealed record ExpectedRefusal(params string[] Naming)
{
    public async Task AssertThrownByAsync(Func<Task> action)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(action);
        foreach (var name in Naming)
        {
            Assert.Contains(name, refused.Message, StringComparison.Ordinal);
        }
    }

    public override string ToString() => string.Join(", ", Naming);
}
