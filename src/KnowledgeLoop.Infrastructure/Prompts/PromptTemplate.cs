using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Microsoft.Extensions.AI;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KnowledgeLoop.Infrastructure.Prompts;

/// <summary>
/// A loaded prompt file: its config (YamlDotNet), its Handlebars template compiled once (Handlebars.Net, no HTML
/// escaping: the output is a prompt, not a page), rendered into chat messages split on Semantic Kernel's
/// <c>&lt;message role="..."&gt;</c> tags, with chat options from <c>execution_settings.default</c>.
/// </summary>
public sealed partial class PromptTemplate
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private readonly HandlebarsTemplate<object, object> _render;

    private PromptTemplate(PromptTemplateConfig config, string source)
    {
        Config = config;
        Source = source;
        if (!string.Equals(config.TemplateFormat, "handlebars", StringComparison.OrdinalIgnoreCase))
        {
            throw new PromptException($"{source}: template_format '{config.TemplateFormat}' is not supported; use handlebars.");
        }

        if (string.IsNullOrWhiteSpace(config.Name) || string.IsNullOrWhiteSpace(config.Template))
        {
            throw new PromptException($"{source}: a prompt needs a name and a template.");
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        try
        {
            _render = handlebars.Compile(config.Template);
        }
        catch (HandlebarsException exception)
        {
            throw new PromptException($"{source}: the template does not compile: {exception.Message}", exception);
        }
    }

    /// <summary>The file's contents.</summary>
    public PromptTemplateConfig Config { get; }

    /// <summary>Where it was loaded from (for messages).</summary>
    public string Source { get; }

    /// <summary>The prompt's name.</summary>
    public string Name => Config.Name;

    /// <summary>Parses a prompt file's YAML.</summary>
    public static PromptTemplate Parse(string yaml, string source = "prompt")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        PromptTemplateConfig config;
        try
        {
            config = Yaml.Deserialize<PromptTemplateConfig>(yaml) ?? throw new PromptException($"{source} is empty.");
        }
        catch (YamlException exception)
        {
            throw new PromptException($"{source}: not a prompt file ({exception.Start}): {exception.Message}", exception);
        }

        return new PromptTemplate(config, source);
    }

    /// <summary>Loads a prompt file.</summary>
    public static PromptTemplate Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>
    /// The root-level variables the template reads: <c>{{name}}</c>, <c>{{name.x}}</c>, <c>{{#each name}}</c>,
    /// <c>{{#if name}}</c>; names inside an <c>#each</c> block are the item's own and not counted.
    /// </summary>
    public IReadOnlySet<string> UsedVariables()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        foreach (Match match in Expression().Matches(Config.Template))
        {
            var body = match.Groups["body"].Value.Trim();
            if (body.StartsWith("/each", StringComparison.Ordinal))
            {
                depth--;
                continue;
            }

            if (body.StartsWith('/') || body.StartsWith('!') || body is "else")
            {
                continue;
            }

            var isBlock = body.StartsWith('#');
            var words = (isBlock ? body[1..] : body).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var helper = isBlock ? words[0] : null;
            var argument = isBlock ? (words.Length > 1 ? words[1] : null) : words[0];
            if (argument is not null && depth == 0 && !argument.StartsWith('@') && argument is not "this" && !argument.StartsWith("this.", StringComparison.Ordinal) && !argument.StartsWith('"'))
            {
                used.Add(argument.Split('.')[0]);
            }

            if (helper is "each")
            {
                depth++;
            }
        }

        return used;
    }

    /// <summary>Renders the template with <paramref name="arguments"/> (defaults fill the optional ones).</summary>
    public string Render(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var variable in Config.InputVariables)
        {
            if (arguments.TryGetValue(variable.Name, out var value) && value is not null)
            {
                values[variable.Name] = Sanitize(value);
            }
            else if (variable.IsRequired)
            {
                throw new PromptException($"{Source}: the required variable '{variable.Name}' was not given.");
            }
            else
            {
                values[variable.Name] = variable.Default;
            }
        }

        return _render(values);
    }

    /// <summary>The rendered prompt as chat messages: one per <c>&lt;message role="..."&gt;</c> block, else one user message.</summary>
    public IList<ChatMessage> RenderMessages(IReadOnlyDictionary<string, object?> arguments)
    {
        var text = Render(arguments);
        var messages = MessageTag().Matches(text)
            .Select(m => new ChatMessage(new ChatRole(m.Groups["role"].Value), m.Groups["content"].Value.Trim()))
            .ToList();
        return messages.Count > 0 ? messages : [new ChatMessage(ChatRole.User, text.Trim())];
    }

    /// <summary>Chat options from <c>execution_settings.default</c>: temperature, top_p, max_tokens, seed, response_format.</summary>
    public ChatOptions ChatOptions()
    {
        var options = new ChatOptions();
        if (!Config.ExecutionSettings.TryGetValue("default", out var settings))
        {
            return options;
        }

        foreach (var (key, value) in settings)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            switch (key)
            {
                case "temperature":
                    options.Temperature = float.Parse(text!, CultureInfo.InvariantCulture);
                    break;
                case "top_p":
                    options.TopP = float.Parse(text!, CultureInfo.InvariantCulture);
                    break;
                case "max_tokens":
                    options.MaxOutputTokens = int.Parse(text!, CultureInfo.InvariantCulture);
                    break;
                case "seed":
                    options.Seed = long.Parse(text!, CultureInfo.InvariantCulture);
                    break;
                case "response_format":
                    options.ResponseFormat = text is "json_object" or "json" ? ChatResponseFormat.Json : ChatResponseFormat.Text;
                    break;
                default:
                    throw new PromptException($"{Source}: execution setting '{key}' is not supported.");
            }
        }

        return options;
    }

    // Values come from tickets: keep them from closing or opening a message block of the prompt.
    private static object Sanitize(object value) => value switch
    {
        string text => MessageMarkup().Replace(text, "(message"),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => p.Value is null ? null : Sanitize(p.Value), StringComparer.Ordinal),
        IEnumerable<object?> list => list.Select(v => v is null ? null : Sanitize(v)).ToList(),
        _ => value,
    };

    [GeneratedRegex(@"\{\{~?(?<body>[^{}]+?)~?\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Expression();

    [GeneratedRegex(@"<message\s+role=""(?<role>system|user|assistant)"">(?<content>.*?)</message>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageTag();

    [GeneratedRegex(@"</?message", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageMarkup();
}
