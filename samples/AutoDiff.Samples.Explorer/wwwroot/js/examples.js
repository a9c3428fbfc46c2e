// The seeds' interactive areas, as sources with a starting point. A parameter's range is the slider's; the seeds plot
// f along x in [-5, 5], so that is the default range.
window.explorerExamples = [
  {
    title: "f(x) = 3x² − 4x + 5 (the seeds' single-input derivative)",
    source: "static double F(double x) => 3 * x * x - 4 * x + 5;\n",
    point: { x: 3 },
  },
  {
    title: "d = a·b + c (the seeds' multi-input derivative)",
    source: "static double D(double a, double b, double c) => a * b + c;\n",
    point: { a: 2, b: -3, c: 10 },
  },
  {
    title: "L = (a·b + c)·f (the seeds' manual backpropagation)",
    source: "static double L(double a, double b, double c, double f)\n{\n    double e = a * b;\n    double d = e + c;\n    return d * f;\n}\n",
    point: { a: 2, b: -3, c: 10, f: -2 },
  },
  {
    title: "A tanh neuron: o = tanh(x1·w1 + x2·w2 + b)",
    source: "static double Neuron(double x1, double x2, double w1, double w2, double b)\n{\n    double n = x1 * w1 + x2 * w2 + b;\n    return Math.Tanh(n);\n}\n",
    point: { x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 },
    ranges: { b: [-10, 10] },
  },
  {
    title: "A loop: Σ sin(k·x) / k for k = 1..n",
    source: "static double Fourier(double x, int n)\n{\n    double sum = 0;\n    for (int k = 1; k <= n; k++)\n    {\n        sum += Math.Sin(k * x) / k;\n    }\n\n    return sum;\n}\n",
    point: { x: 1, n: 5 },
    ranges: { n: [1, 30] },
  },
];
