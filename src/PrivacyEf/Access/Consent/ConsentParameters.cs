using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace PrivacyEf.Access.Consent;

/// <summary>
/// The query parameters of the consent filter. The filter is compiled once into the cached query; these values are
/// set on every execution from the access scope and the runtime's clock by <see cref="PrivacyQueryCompiler"/>.
/// </summary>
internal static class ConsentParameters
{
    public const string Required = "__privacy_consent_required";
    public const string Purpose = "__privacy_consent_purpose";
    public const string Now = "__privacy_consent_now";

    public static readonly Expression RequiredParameter = new QueryParameterExpression(Required, typeof(bool));
    public static readonly Expression PurposeParameter = new QueryParameterExpression(Purpose, typeof(string));
    public static readonly Expression NowParameter = new QueryParameterExpression(Now, typeof(DateTime));
}
