import Foundation
import Testing
@testable import KubedrillCLI

/// `run`, `create <kind>` and `expose` through the command surface. The expected `--dry-run=client
/// -o yaml` texts are what kubectl v1.33 prints for the same flags (its generators:
/// pkg/cmd/create/create_deployment.go, create_job.go, create_cronjob.go, create_service.go,
/// pkg/generate/versioned/run.go; `metadata.creationTimestamp: null` until v1.34's #130989).
@Suite("Imperative commands: run, create <kind>, expose")
struct ImperativeCommandTests {
    @Test("create deployment --dry-run=client -o yaml prints kubectl's object: app=<name> labels and selector, strategy {}, resources {}")
    func deploymentDryRun() throws {
        let sandbox = try Sandbox()
        let result = sandbox.run(["create", "deployment", "web", "--image=nginx:1.25", "--replicas=3", "--port=80", "--dry-run=client", "-o", "yaml"])
        #expect(result.status == 0)
        #expect(result.out == """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                spec:
                  containers:
                  - image: nginx:1.25
                    name: nginx
                    ports:
                    - containerPort: 80
                    resources: {}
            status: {}

            """)
        // A client dry run saves nothing.
        #expect(sandbox.run(["get", "deployments"]).err.contains("No resources found"))
    }

    @Test("run builds kubectl's Pod: run=<name>, dnsPolicy ClusterFirst, words after -- as args (or the command with --command)")
    func runPod() throws {
        let sandbox = try Sandbox()
        let args = sandbox.run(["run", "box", "--image=busybox", "--restart=Never", "--env=MODE=fast", "--dry-run=client", "-o", "yaml", "--", "sleep", "3600"])
        #expect(args.out == """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                run: box
              name: box
            spec:
              containers:
              - args:
                - sleep
                - "3600"
                env:
                - name: MODE
                  value: fast
                image: busybox
                name: box
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Never
            status: {}

            """)
        let command = sandbox.run(["run", "box", "--image=busybox", "--command", "--labels=tier=web,team=a", "--dry-run=client", "-o", "yaml", "--", "sleep", "1"])
        #expect(command.out.contains("  - command:\n    - sleep\n    - \"1\"\n"))
        #expect(command.out.contains("  labels:\n    team: a\n    tier: web\n"))
        #expect(sandbox.run(["run", "web", "--image=nginx", "--port=80"]).out == "pod/web created\n")
        #expect(sandbox.run(["advance", "10s"]).status == 0)
        #expect(sandbox.run(["get", "pods"]).out.contains("web    1/1     Running"))
        let bad = sandbox.run(["run", "x", "--image=nginx", "--restart=Sometimes"])
        #expect(bad.status == 2 && bad.err.contains("invalid restart policy: Sometimes"))
        #expect(sandbox.run(["run", "x"]).err.contains("required flag(s) \"image\" not set"))
    }

    @Test("create job and cronjob: one container named after the object; Never for Jobs, --restart (default OnFailure) for CronJobs")
    func jobAndCronJob() throws {
        let sandbox = try Sandbox()
        let job = sandbox.run(["create", "job", "pi", "--image=perl:5.34", "--dry-run=client", "-o", "yaml", "--", "perl", "-e", "print 1"])
        #expect(job.out == """
            apiVersion: batch/v1
            kind: Job
            metadata:
              creationTimestamp: null
              name: pi
            spec:
              template:
                metadata:
                  creationTimestamp: null
                spec:
                  containers:
                  - command:
                    - perl
                    - -e
                    - print 1
                    image: perl:5.34
                    name: pi
                    resources: {}
                  restartPolicy: Never
            status: {}

            """)
        let cron = sandbox.run(["create", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *", "--dry-run=client", "-o", "yaml"])
        #expect(cron.out.contains("""
            spec:
              jobTemplate:
                metadata:
                  creationTimestamp: null
                  name: tick
                spec:
                  template:
                    metadata:
                      creationTimestamp: null
                    spec:
                      containers:
                      - image: busybox
                        name: tick
                        resources: {}
                      restartPolicy: OnFailure
              schedule: '*/5 * * * *'
            """))
        #expect(sandbox.run(["create", "cronjob", "x", "--image=busybox"]).err.contains("--schedule must be specified"))
        #expect(sandbox.run(["create", "job", "x"]).err.contains("either --image or --from must be specified"))
    }

    @Test("create job --from=cronjob/<name> copies the job template, annotates instantiate: manual and is owned (and collected) with the CronJob")
    func jobFromCronJob() throws {
        let sandbox = try Sandbox()
        #expect(sandbox.run(["create", "cronjob", "backup", "--image=busybox", "--schedule=0 3 * * *", "--", "sh", "-c", "echo done"]).status == 0)
        let yaml = sandbox.run(["create", "job", "backup-now", "--from=cronjob/backup", "-o", "yaml"]).out
        #expect(yaml.contains("  annotations:\n    cronjob.kubernetes.io/instantiate: manual\n"))
        #expect(yaml.contains("  ownerReferences:\n  - apiVersion: batch/v1\n    controller: true\n    kind: CronJob\n    name: backup\n"))
        #expect(!yaml.contains("blockOwnerDeletion"))
        #expect(sandbox.run(["advance", "1m"]).status == 0)
        #expect(sandbox.run(["get", "jobs"]).out.contains("backup-now   Complete   1/1"))
        #expect(sandbox.run(["create", "job", "again", "--from=cronjob/missing"]).err.contains("cronjobs.batch \"missing\" not found"))
        #expect(sandbox.run(["delete", "cronjob", "backup"]).status == 0)
        #expect(sandbox.run(["advance", "10s"]).status == 0)
        #expect(sandbox.run(["get", "jobs"]).err.contains("No resources found"))
    }

    @Test("expose selects what the Deployment selects, takes its container ports when --port is absent, and names several ports port-1, port-2")
    func expose() throws {
        let sandbox = try Sandbox()
        try sandbox.write("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, labels: {team: core}}
            spec:
              replicas: 1
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                  - {name: main, image: "nginx:1.25", ports: [{containerPort: 8080}, {containerPort: 9090}]}
            """, to: "api.yaml")
        #expect(sandbox.run(["apply", "-f", sandbox.root.appendingPathComponent("api.yaml").path]).status == 0)
        let introspected = sandbox.run(["expose", "deployment", "api", "--dry-run=client", "-o", "yaml"]).out
        #expect(introspected.contains("""
            metadata:
              creationTimestamp: null
              labels:
                team: core
              name: api
            spec:
              ports:
              - name: port-1
                port: 8080
                protocol: TCP
                targetPort: 8080
              - name: port-2
                port: 9090
                protocol: TCP
                targetPort: 9090
              selector:
                app: api
            status:
              loadBalancer: {}
            """))
        #expect(sandbox.run(["expose", "deployment", "api", "--port=80", "--target-port=8080", "--name=api-svc", "--type=NodePort"]).out == "service/api-svc exposed\n")
        #expect(sandbox.run(["get", "svc", "api-svc"]).out.contains("NodePort"))
        let stored = sandbox.run(["get", "svc", "api-svc", "-o", "yaml"]).out
        #expect(stored.contains("    targetPort: 8080\n") && stored.contains("  selector:\n    app: api\n"))
        #expect(sandbox.run(["expose", "deployment", "nothing", "--port=80"]).err.contains("deployments.apps \"nothing\" not found"))
        #expect(sandbox.run(["expose", "configmap", "x", "--port=80"]).err.contains("cannot expose a ConfigMap"))
    }

    @Test("create service names each port <port>-<targetPort> and selects app=<name>; configmap and secret read literals and files")
    func servicesAndConfig() throws {
        let sandbox = try Sandbox()
        let service = sandbox.run(["create", "service", "clusterip", "my-cs", "--tcp=5678:8080", "--dry-run=client", "-o", "yaml"]).out
        #expect(service.contains("  ports:\n  - name: 5678-8080\n    port: 5678\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: my-cs\n  type: ClusterIP\n"))
        #expect(sandbox.run(["create", "service", "nodeport", "web", "--tcp=80:80", "--node-port=30080"]).status == 0)
        #expect(sandbox.run(["get", "svc", "web"]).out.contains("80:30080/TCP"))
        #expect(sandbox.run(["create", "service", "clusterip", "x"]).err.contains("at least one tcp port specifier must be provided"))
        try sandbox.write("level=debug\n", to: "conf/app.properties")
        let config = sandbox.run(["create", "configmap", "settings", "--from-literal=mode=fast",
                                  "--from-file=\(sandbox.root.appendingPathComponent("conf").path)", "--dry-run=client", "-o", "yaml"]).out
        #expect(config == """
            apiVersion: v1
            data:
              app.properties: |
                level=debug
              mode: fast
            kind: ConfigMap
            metadata:
              creationTimestamp: null
              name: settings

            """)
        let duplicate = sandbox.run(["create", "configmap", "x", "--from-literal=a=1", "--from-literal=a=2"])
        #expect(duplicate.status != 0 && duplicate.err.contains("cannot add key a, another key by that name already exists in Data for ConfigMap \"x\""))
        let secret = sandbox.run(["create", "secret", "generic", "db", "--from-literal=password=s3cret", "-n", "team", "--dry-run=client", "-o", "yaml"]).out
        // base64 is an encoding, not encryption: anyone who can read the Secret can decode it.
        #expect(secret == """
            apiVersion: v1
            data:
              password: czNjcmV0
            kind: Secret
            metadata:
              creationTimestamp: null
              name: db
              namespace: team

            """)
        #expect(sandbox.run(["create", "configmap", "bad", "--from-literal=novalue"]).err.contains("invalid literal source novalue, expected key=value"))
    }

    @Test("The API server's checks apply: an invalid name is refused as kubectl words it, a server dry run saves nothing but reports AlreadyExists")
    func serverChecks() throws {
        let sandbox = try Sandbox()
        let invalid = sandbox.run(["create", "deployment", "Web", "--image=nginx"])
        #expect(invalid.status == 1)
        #expect(invalid.err.contains("The Deployment \"Web\" is invalid: metadata.name: "))
        let server = sandbox.run(["create", "namespace", "dev", "--dry-run=server"])
        #expect(server.out == "namespace/dev created (server dry run)\n")
        #expect(sandbox.run(["get", "namespace", "dev"]).status != 0)
        #expect(sandbox.run(["create", "namespace", "dev"]).out == "namespace/dev created\n")
        #expect(sandbox.run(["create", "namespace", "dev", "--dry-run=server"]).err.contains("namespaces \"dev\" already exists"))
        #expect(sandbox.run(["create", "namespace", "dev", "--dry-run=client"]).out == "namespace/dev created (dry run)\n")
        #expect(sandbox.run(["create", "namespace", "x", "--dry-run=maybe"]).err.contains("Invalid dry-run value (maybe)"))
        #expect(sandbox.run(["create"]).err.contains("must specify one of -f and -k"))
        #expect(sandbox.run(["create", "deployment", "x", "--image=a", "--image=b", "--", "sh"]).err.contains("cannot specify multiple --image options and command"))
    }
}
