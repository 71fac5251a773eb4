using System;
using System.Text;

namespace PrivacyEf.Generators.Emitting;

/// <summary>
/// Writes lines of C# at the current indentation. Lines always end in <c>\n</c>, so the output does not depend
/// on the machine that builds.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _depth;

    public IndentedWriter WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _depth; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
        return this;
    }

    public IndentedWriter WriteLine() => WriteLine(string.Empty);

    /// <summary>Writes each line of <paramref name="text"/> (a raw string block) at the current indentation.</summary>
    public IndentedWriter WriteLines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }

        return this;
    }

    /// <summary>Writes <c>{</c>, indents until disposed, then writes <paramref name="closing"/>.</summary>
    public Block OpenBlock(string closing = "}")
    {
        WriteLine("{");
        _depth++;
        return new Block(this, closing);
    }

    /// <summary>Indents until disposed, without braces.</summary>
    public Block Indent()
    {
        _depth++;
        return new Block(this, null);
    }

    public override string ToString() => _builder.ToString();

    internal readonly struct Block : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string? _closing;

        public Block(IndentedWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._depth--;
            if (_closing is not null)
            {
                _writer.WriteLine(_closing);
            }
        }
    }
}
