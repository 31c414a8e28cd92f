import Foundation
import KubeModel

/// Benchmarks of manifest validation (issue 6): documents per second on a 1,000-document file, beside
/// the reference validator when installed, and how fast a billion-laughs file is refused.
enum ModelBenchmarks {
    static var all: [Benchmark] {
        [
            Benchmark(name: "validate", summary: "validate a 1,000-document file; compare with kubernetes-validate if installed",
                      run: { try validateThousand($0) }),
            Benchmark(name: "billion-laughs", summary: "time to refuse a billion-laughs YAML file", run: { _ in billionLaughs() }),
        ]
    }

    /// A realistic mix: Deployments, Services, ConfigMaps and Pods, each with its own name.
    static func thousandDocuments(count: Int = 1000) -> String {
        var text = ""
        for index in 0..<count {
            switch index % 4 {
            case 0:
                text += """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web-\(index)
                  labels: {app: web-\(index), tier: frontend}
                spec:
                  replicas: 3
                  selector:
                    matchLabels: {app: web-\(index)}
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
                  template:
                    metadata:
                      labels: {app: web-\(index), tier: frontend}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                        ports:
                        - containerPort: 80
                          name: http
                        resources:
                          requests: {cpu: 100m, memory: 64Mi}
                          limits: {cpu: 500m, memory: 128Mi}
                        livenessProbe:
                          httpGet: {path: /healthz, port: http}
                          initialDelaySeconds: 5

                """
            case 1:
                text += """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web-\(index)
                spec:
                  selector: {app: web-\(index - 1)}
                  ports:
                  - name: http
                    port: 80
                    targetPort: http

                """
            case 2:
                text += """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: config-\(index)
                data:
                  MODE: production
                  LEVEL: info

                """
            default:
                text += """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: job-\(index)
                  labels: {app: batch}
                spec:
                  restartPolicy: Never
                  containers:
                  - name: work
                    image: busybox:1.36
                    command: [sh, -c, "echo hello"]
                    env:
                    - {name: MODE, value: fast}

                """
            }
            text += "---\n"
        }
        return text
    }

    static func validateThousand(_ arguments: [String]) throws {
        let text = thousandDocuments()
        let path = NSTemporaryDirectory() + "kubedrill-bench-1000.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let validator = ManifestValidator()
        _ = validator.validate(fileAt: path)  // warm-up: loads the schema
        var timings: [Double] = []
        var documents = 0, invalid = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = validator.validate(fileAt: path)
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            documents = results.count
            invalid = results.filter { !$0.isValid }.count
        }
        let best = timings.min() ?? 1
        let median = timings.sorted()[timings.count / 2]
        let rate = Double(documents) / median
        print("file: \(path) (\(text.utf8.count) bytes, \(documents) documents, \(invalid) invalid)")
        print(String(format: "kubedrill: median %.1f ms, best %.1f ms over 5 runs → %.0f documents/s", median * 1000, best * 1000, rate))
        guard let reference = referenceSeconds(path: path) else {
            print("kubernetes-validate: not installed (pip install kubernetes-validate) — no comparison")
            return
        }
        let referenceRate = Double(documents) / reference
        print(String(format: "kubernetes-validate -k 1.33.0 --strict: %.2f s → %.0f documents/s", reference, referenceRate))
        print(String(format: "ratio: kubedrill is %.0f× faster (target ≥ 100×)", rate / referenceRate))
    }

    /// Runs `kubernetes-validate` on the same file once and returns its wall time, or nil if it is missing.
    static func referenceSeconds(path: String) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubernetes-validate", "-k", "1.33.0", "--strict", "--quiet", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The classic nine-level "lol" file: 10⁹ strings once expanded.
    static func billionLaughsText() -> String {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        return text
    }

    static func billionLaughs() {
        let text = billionLaughsText()
        let validator = ManifestValidator()
        var timings: [Double] = []
        var message = ""
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = validator.validate(text: text, file: "lol.yaml")
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            message = results.first?.issues.first.map { "\($0.line):\($0.column): \($0.message)" } ?? "accepted?!"
        }
        print("billion laughs (\(text.utf8.count) bytes): \(message)")
        print(String(format: "refused in median %.2f ms, worst %.2f ms over 5 runs (target < 100 ms)",
                     timings.sorted()[2], timings.max() ?? 0))
    }
}
