using System.Linq.Expressions;
using System.Reflection;
using HaloMcp.Grains;

namespace HaloMcp.Silo;

/// <summary>How a grain method may overlap with other calls on the same activation.</summary>
internal enum InterleaveMode
{
    /// <summary>Runs alone: a full turn.</summary>
    Exclusive,

    /// <summary>Overlaps with other read-only calls, never with an exclusive one.</summary>
    ReadOnly,

    /// <summary>Runs whenever it arrives.</summary>
    Always,
}

/// <summary>
/// One grain interface method: its scheduling rules, metric tags and a compiled invoker. Built once per method when
/// the silo starts, so a call pays only for a delegate invocation.
/// </summary>
internal abstract class GrainMethod
{
    protected GrainMethod(Type interfaceType, MethodInfo method, GrainTypeInfo grainType)
    {
        Name = method.Name;
        DisplayName = $"{interfaceType.Name}.{method.Name}";
        GrainType = grainType;
        Interleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), true) ? InterleaveMode.Always
            : method.IsDefined(typeof(ReadOnlyAttribute), true) ? InterleaveMode.ReadOnly
            : InterleaveMode.Exclusive;
        var parameters = method.GetParameters();
        CancellationTokenIndex = parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken)
            ? parameters.Length - 1
            : -1;
        Counters = grainType.CountersFor(method.Name);
        MethodTag = new KeyValuePair<string, object?>("grain.method", method.Name);
    }

    public string Name { get; }

    /// <summary>Interface-qualified name for messages, e.g. <c>ITicketGrain.UpdateAsync</c>.</summary>
    public string DisplayName { get; }

    public GrainTypeInfo GrainType { get; }

    public InterleaveMode Interleave { get; }

    /// <summary>The index of the trailing <see cref="CancellationToken"/> parameter, or -1 when there is none.</summary>
    public int CancellationTokenIndex { get; }

    public GrainMethodCounters Counters { get; }

    public KeyValuePair<string, object?> MethodTag { get; }

    /// <summary>Starts a call through a grain reference and returns what the interface method returns.</summary>
    public abstract object Dispatch(SiloRuntime runtime, GrainId target, object?[] args);

    public static GrainMethod Create(Type interfaceType, MethodInfo method, GrainTypeInfo grainType)
    {
        if (method.IsGenericMethodDefinition)
        {
            throw new NotSupportedException($"Grain method {interfaceType.Name}.{method.Name} is generic; grain methods cannot be generic.");
        }

        if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new NotSupportedException($"Grain method {interfaceType.Name}.{method.Name} has a ref/out/in parameter; grain methods take values.");
        }

        var returnType = method.ReturnType;
        Type resultType;
        ReturnKind kind;
        if (returnType == typeof(Task))
        {
            (kind, resultType) = (ReturnKind.Task, typeof(object));
        }
        else if (returnType == typeof(ValueTask))
        {
            (kind, resultType) = (ReturnKind.ValueTask, typeof(object));
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            (kind, resultType) = (ReturnKind.TaskOfT, returnType.GetGenericArguments()[0]);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            (kind, resultType) = (ReturnKind.ValueTaskOfT, returnType.GetGenericArguments()[0]);
        }
        else
        {
            throw new NotSupportedException(
                $"Grain method {interfaceType.Name}.{method.Name} returns {returnType.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
        }

        var closed = typeof(GrainMethod<>).MakeGenericType(resultType);
        return (GrainMethod)Activator.CreateInstance(closed, interfaceType, method, grainType, kind)!;
    }

    /// <summary>Compiles <c>(grain, args, token) =&gt; ((TInterface)grain).Method((T0)args[0], ..., token)</c>.</summary>
    protected static Func<object, object?[], CancellationToken, TReturn> Compile<TReturn>(
        Type interfaceType, MethodInfo method, int cancellationTokenIndex)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var token = Expression.Parameter(typeof(CancellationToken), "token");
        var arguments = method.GetParameters().Select((p, i) => i == cancellationTokenIndex
            ? (Expression)token
            : Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var body = Expression.Call(Expression.Convert(grain, interfaceType), method, arguments);
        return Expression.Lambda<Func<object, object?[], CancellationToken, TReturn>>(body, grain, args, token).Compile();
    }
}

/// <summary>The shape of a grain method's return type.</summary>
internal enum ReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>A grain method whose result is <typeparamref name="T"/> (<see cref="object"/> for <c>Task</c>/<c>ValueTask</c>).</summary>
internal sealed class GrainMethod<T> : GrainMethod
{
    private readonly ReturnKind _kind;
    private readonly Func<object, object?[], CancellationToken, ValueTask<T>> _invoke;

    public GrainMethod(Type interfaceType, MethodInfo method, GrainTypeInfo grainType, ReturnKind kind)
        : base(interfaceType, method, grainType)
    {
        _kind = kind;
        var index = CancellationTokenIndex;
        switch (kind)
        {
            case ReturnKind.TaskOfT:
                var task = Compile<Task<T>>(interfaceType, method, index);
                _invoke = (g, a, t) => new ValueTask<T>(task(g, a, t));
                break;
            case ReturnKind.ValueTaskOfT:
                _invoke = Compile<ValueTask<T>>(interfaceType, method, index);
                break;
            case ReturnKind.Task:
                var plain = Compile<Task>(interfaceType, method, index);
                _invoke = (g, a, t) => FromTask(plain(g, a, t));
                break;
            default:
                var value = Compile<ValueTask>(interfaceType, method, index);
                _invoke = (g, a, t) =>
                {
                    var result = value(g, a, t);
                    return result.IsCompletedSuccessfully ? default : FromTask(result.AsTask());
                };
                break;
        }
    }

    public ValueTask<T> Invoke(Grain grain, object?[] args, CancellationToken cancellationToken) => _invoke(grain, args, cancellationToken);

    public override object Dispatch(SiloRuntime runtime, GrainId target, object?[] args)
    {
        var call = new GrainCall<T>(runtime, this, target, args);
        runtime.Dispatch(call);
        var task = call.Task;
        return _kind switch
        {
            ReturnKind.TaskOfT or ReturnKind.Task => task,
            ReturnKind.ValueTaskOfT => new ValueTask<T>(task),
            _ => new ValueTask(task),
        };
    }

    private static ValueTask<T> FromTask(Task task)
    {
        return task.IsCompletedSuccessfully ? default : new ValueTask<T>(Await(task));

        static async Task<T> Await(Task task)
        {
            await task.ConfigureAwait(false);
            return default!;
        }
    }
}
