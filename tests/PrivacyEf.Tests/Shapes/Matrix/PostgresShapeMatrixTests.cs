using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes.Matrix;

[Collection(PostgresCollection.Name)]
public sealed class PostgresShapeMatrixTests(PostgresFixture fixture) : ShapeMatrixTests(new PostgresTarget(fixture));
