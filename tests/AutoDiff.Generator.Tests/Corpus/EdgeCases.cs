using System;
using AutoDiff;

namespace Corpus.Edge
{
    public partial struct Outer
    {
        internal partial record Inner
        {
            // Parameter names that collide with generated ones: seed, dx, and a local named like a temporary.
            [Differentiable]
            internal static double Collide(double x, double dx, double seed)
            {
                double _result = x * dx;
                double _t1 = Math.Exp(seed * 0.1);
                double dseed = _result + _t1;
                return dseed * x;
            }
        }
    }

    public static partial class Generic<T>
    {
        // A differentiable method inside a generic type, and a float method whose locals are reused by name.
        [Differentiable]
        public static float Scaled(float x, float y)
        {
            float t = x * y;
            {
                float u = t * t;
                t += u;
            }
            {
                float u = MathF.Sin(t);
                t -= u;
            }

            return t;
        }
    }
}
