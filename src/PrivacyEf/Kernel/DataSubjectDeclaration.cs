namespace PrivacyEf.Kernel;

/// <summary>What a fluent <c>HasDataSubject</c> says: the same facts as <see cref="DataSubjectAttribute"/>.</summary>
/// <param name="Member">The property or navigation that links a row to its data subject.</param>
/// <param name="Kind">The kind of data subject it links to, or null when the navigation or the model's only kind tells.</param>
internal sealed record DataSubjectDeclaration(string Member, Type? Kind);
