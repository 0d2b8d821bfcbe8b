using System.Linq.Expressions;
using System.Reflection;
using HaloMcp.Grains;

namespace HaloMcp.Silo;

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
