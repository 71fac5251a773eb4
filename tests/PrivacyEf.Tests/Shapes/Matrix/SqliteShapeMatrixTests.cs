using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Shapes.Matrix;

public sealed class SqliteShapeMatrixTests() : ShapeMatrixTests(new SqliteTarget());
