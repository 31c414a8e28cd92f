import Testing
@testable import Study

/// Pairs kubectl runs identically must parse equal; the issue's own examples come first.
@Suite("Typed kubectl commands are judged by meaning, not by spelling")
struct KubectlCommandTests {
    static let equalPairs: [(String, String)] = [
        // From the issue: flag order, deploy/deployment/deployments, -n/--namespace, -o/--output.
        ("kubectl get deploy web -n dev -o yaml", "kubectl get deployments web --output=yaml --namespace=dev"),
        ("kubectl get deployment web -n x", "kubectl get deploy web --namespace x"),
        ("kubectl get deployments web --namespace=x", "kubectl get deploy web -n x"),
        ("kubectl get pods -o yaml", "kubectl get pods --output=yaml"),
        ("kubectl scale deploy web --replicas=3 -n dev", "kubectl scale -n dev --replicas 3 deployment web"),
        // type name and type/name.
        ("kubectl describe deploy web", "kubectl describe deployment/web"),
        ("kubectl rollout undo deployment/web", "kubectl rollout undo deploy web"),
        ("kubectl rollout status deploy/web -w", "kubectl rollout status deployments/web --watch"),
        ("kubectl delete svc web", "kubectl delete service/web"),
        // kubectl's short names, plurals, singulars, kinds and group-qualified names.
        ("kubectl get po", "kubectl get pods"), ("kubectl get pod", "kubectl get Pods"),
        ("kubectl get svc", "kubectl get services"), ("kubectl get ns", "kubectl get namespace"),
        ("kubectl get cm", "kubectl get configmaps"), ("kubectl get sts", "kubectl get statefulset"),
        ("kubectl get ds", "kubectl get daemonsets"), ("kubectl get rs", "kubectl get replicaset"),
        ("kubectl get cj", "kubectl get cronjobs"), ("kubectl get pvc", "kubectl get persistentvolumeclaim"),
        ("kubectl get pv", "kubectl get persistentvolumes"), ("kubectl get sa", "kubectl get serviceaccount"),
        ("kubectl get no", "kubectl get nodes"), ("kubectl get ing", "kubectl get ingresses"),
        ("kubectl get netpol", "kubectl get networkpolicies"), ("kubectl get hpa", "kubectl get horizontalpodautoscalers"),
        ("kubectl get pdb", "kubectl get poddisruptionbudget"), ("kubectl get sc", "kubectl get storageclasses"),
        ("kubectl get ep", "kubectl get endpoints"), ("kubectl get ev", "kubectl get events"),
        ("kubectl get crd", "kubectl get customresourcedefinitions"), ("kubectl get crds", "kubectl get crd"),
        ("kubectl get job", "kubectl get jobs"), ("kubectl get quota", "kubectl get resourcequotas"),
        ("kubectl get limits", "kubectl get limitranges"), ("kubectl get rc", "kubectl get replicationcontrollers"),
        ("kubectl get pc", "kubectl get priorityclasses"), ("kubectl get csr", "kubectl get certificatesigningrequests"),
        ("kubectl get deployments.apps web", "kubectl get deploy web"), ("kubectl get deployments.v1.apps", "kubectl get deploy"),
        ("kubectl get Deployment", "kubectl get deploy"),
        ("kubectl get pods,svc", "kubectl get po,services"),
        // Shorthand flags become long ones; pflag's attached and grouped forms.
        ("kubectl get pods -l app=web", "kubectl get pods --selector=app=web"),
        ("kubectl get pods -A", "kubectl get pods --all-namespaces"),
        ("kubectl get pods -w", "kubectl get pods --watch"),
        ("kubectl get pods -ndev", "kubectl get pods -n=dev"),
        ("kubectl get pods -oyaml", "kubectl get pods -o yaml"),
        ("kubectl apply -f web.yaml", "kubectl apply --filename web.yaml"),
        ("kubectl apply -R -f dir/", "kubectl apply --recursive --filename=dir/"),
        ("kubectl logs web -c app", "kubectl logs pod/web --container=app"),
        ("kubectl logs -p web", "kubectl logs web --previous"),
        ("kubectl logs -f web", "kubectl logs po/web --follow"),
        ("kubectl exec -it web -- sh", "kubectl exec --stdin --tty pod/web -- sh"),
        ("kubectl exec -ti web -- sh", "kubectl exec -i -t web -- sh"),
        ("kubectl run tmp -it --rm --image=busybox -- sh", "kubectl run tmp --image busybox --rm -i -t -- sh"),
        // Flags before the command word (kubectl's global flags).
        ("kubectl -n dev get pods", "kubectl get pods -n dev"),
        // Booleans: bare is true.
        ("kubectl delete pod web --force", "kubectl delete pod web --force=true"),
        ("kubectl delete pod web --force --grace-period=0", "kubectl delete pod web --grace-period 0 --force"),
        // Booleans at their default are no flag at all.
        ("kubectl delete pod web --force=false", "kubectl delete pod web"),
        ("kubectl rollout status deploy/web -w", "kubectl rollout status deploy/web"),
        ("kubectl delete pod web --wait", "kubectl delete pod web --wait=true"),
        // --dry-run: bare is the deprecated spelling of client; none is the default.
        ("kubectl create deploy web --image=nginx --dry-run", "kubectl create deployment web --image=nginx --dry-run=client"),
        ("kubectl apply -f a.yaml --dry-run=none", "kubectl apply -f a.yaml"),
        ("kubectl delete pod web --cascade", "kubectl delete pod web"),
        ("kubectl delete deploy web --cascade=false", "kubectl delete deploy web --cascade=orphan"),
        // Repeated flags as a multiset, in any order.
        ("kubectl create cm c --from-literal=a=1 --from-literal=b=2", "kubectl create configmap c --from-literal b=2 --from-literal a=1"),
        // Selector terms in any order; durations in any unit.
        ("kubectl get pods -l 'app=web,tier=fe'", "kubectl get pods -l tier=fe,app=web"),
        ("kubectl wait --for=condition=Ready pod/web --timeout=60s", "kubectl wait pod web --for condition=Ready --timeout 1m"),
        ("kubectl logs web --since=90m", "kubectl logs web --since=1h30m"),
        // Quoting is the shell's business.
        ("kubectl run web --image=\"nginx:1.25\"", "kubectl run web --image='nginx:1.25'"),
        ("kubectl run web --image=nginx:1.25 --command -- sh -c 'sleep 3600'", "kubectl run web --command --image nginx:1.25 -- sh -c \"sleep 3600\""),
        // Sub-verbs and their aliases.
        ("kubectl create deploy web --image=nginx", "kubectl create deployment web --image=nginx"),
        ("kubectl create svc clusterip web --tcp=80:8080", "kubectl create service clusterip web --tcp=80:8080"),
        ("kubectl create sa robot", "kubectl create serviceaccount robot"),
        ("kubectl create ns dev", "kubectl create namespace dev"),
        ("kubectl config use dev", "kubectl config use-context dev"),
        ("kubectl top po", "kubectl top pod"), ("kubectl top nodes", "kubectl top node"),
        ("kubectl set sa deploy/web robot", "kubectl set serviceaccount deployment web robot"),
        // label/annotate/set image/taint key=value words apply as a set.
        ("kubectl label pod web app=web tier=fe", "kubectl label po/web tier=fe app=web"),
        ("kubectl set image deploy/web nginx=nginx:1.25", "kubectl set image deployment web nginx=nginx:1.25"),
        ("kubectl taint nodes n1 key=value:NoSchedule", "kubectl taint node n1 key=value:NoSchedule"),
        // explain and auth can-i resolve the type too.
        ("kubectl explain po.spec.containers", "kubectl explain pods.spec.containers"),
        ("kubectl auth can-i create deploy", "kubectl auth can-i create deployments"),
        ("kubectl auth can-i get po/log", "kubectl auth can-i get pods/log"),
        // More everyday answers.
        ("kubectl create -n dev deployment web --image=nginx", "kubectl create deploy web -n dev --image nginx"),
        ("kubectl create cronjob c --image=busybox --schedule='*/1 * * * *' -- date",
         "kubectl create cj c --schedule \"*/1 * * * *\" --image busybox -- date"),
        ("kubectl label pods web app-", "kubectl label pod/web app-"),
        ("kubectl describe pods web1 web2", "kubectl describe pod/web1 po/web2"),
        ("kubectl get pods,svc web", "kubectl get pods/web services/web"),
        ("kubectl port-forward web 8080:80", "kubectl port-forward pod/web 8080:80"),
        ("kubectl port-forward svc/web 8080:80", "kubectl port-forward service/web 8080:80"),
        ("kubectl get pods -o=jsonpath='{.items[*].metadata.name}'", "kubectl get po --output \"jsonpath={.items[*].metadata.name}\""),
        ("kubectl top pods -A --sort-by=memory", "kubectl top pod --all-namespaces --sort-by memory"),
        ("kubectl set resources deploy/web -c=nginx --limits=cpu=200m", "kubectl set resources deployment web --containers nginx --limits cpu=200m"),
        ("kubectl get pods -l 'env in (prod,dev),tier'", "kubectl get pods -l 'tier,env in (prod,dev)'"),
        ("kubectl logs deploy/web --all-containers=true", "kubectl logs deployments/web --all-containers"),
        // Shorthands only some commands have (from kubectl v1.33's flag declarations).
        ("kubectl create deploy web --image=nginx -r 3", "kubectl create deployment web --image nginx --replicas=3"),
        ("kubectl run web --image=nginx -l app=web", "kubectl run web --image=nginx --labels=app=web"),
        ("kubectl expose deploy web --port=80 -l tier=fe", "kubectl expose deployment/web --port 80 --labels tier=fe"),
        ("kubectl delete pod web -i", "kubectl delete pod web --interactive"),
        ("kubectl set env deploy/web -e A=1 -c app", "kubectl set env deployment web --env=A=1 --containers=app"),
        ("kubectl cluster-info dump -A", "kubectl cluster-info dump --all-namespaces"),
        // Booleans on by default (rollout status --watch, wait --recursive, describe --show-events).
        ("kubectl wait --for=delete pod/web --recursive", "kubectl wait --for=delete pod/web"),
        ("kubectl describe pod web --show-events=true", "kubectl describe pod web"),
        // Resource references in flag values.
        ("kubectl events --for po/web", "kubectl events --for=pod/web"),
        ("kubectl create job manual --from=cj/nightly", "kubectl create job manual --from cronjob/nightly"),
        ("kubectl set env deploy/web --from=cm/settings", "kubectl set env deployment/web --from=configmap/settings"),
        // The `k` alias, and extra spaces.
        ("k get po", "kubectl   get pods"), ("$ kubectl get po", "kubectl get pods"),
        // Redirections are compared as text, spacing normalised.
        ("kubectl run web --image=nginx --dry-run=client -o yaml > pod.yaml", "kubectl run web --image=nginx -o yaml --dry-run=client >pod.yaml"),
    ]

    @Test("Commands kubectl treats alike parse equal", arguments: equalPairs)
    func equal(pair: (String, String)) throws {
        let left = try KubectlCommand.parse(pair.0), right = try KubectlCommand.parse(pair.1)
        #expect(left.matches(right), "\(left) ≠ \(right)")
        #expect(left.differences(from: right).isEmpty)
        #expect(right.description == left.description)
    }

    /// Unequal pairs with the exact lines a learner sees.
    static let unequalPairs: [(typed: String, expected: String, differences: [String])] = [
        ("kubectl create deploy web --image=nginx", "kubectl create deploy web --image=nginx --replicas=3",
         ["missing flag --replicas=3"]),
        ("kubectl get pods -n dev", "kubectl get pods", ["unexpected flag --namespace=dev"]),
        ("kubectl scale deploy web --replicas=2", "kubectl scale deploy web --replicas=3",
         ["flag --replicas=2 where --replicas=3 was expected"]),
        ("kubectl expose service web --port=80", "kubectl expose deployment web --port=80",
         ["resource \"service\" where \"deployment\" was expected"]),
        ("kubectl get deploy api", "kubectl get deploy web", ["name \"api\" where \"web\" was expected"]),
        ("kubectl get deploy", "kubectl get deploy web", ["missing name \"web\""]),
        ("kubectl describe pod web", "kubectl get pod web",
         ["command \"kubectl describe\" where \"kubectl get\" was expected"]),
        ("kubectl rollout restart deploy/web", "kubectl rollout undo deploy/web",
         ["command \"kubectl rollout restart\" where \"kubectl rollout undo\" was expected"]),
        ("kubectl get pods web extra", "kubectl get pods web", ["unexpected argument \"pod/extra\""]),
        ("kubectl cp web:/a b", "kubectl cp b web:/a",
         ["argument \"web:/a\" is out of order"]),
        ("kubectl run web --image=nginx", "kubectl run web --image=nginx:1.25",
         ["flag --image=nginx where --image=nginx:1.25 was expected"]),
        ("kubectl create cm c --from-literal=a=1", "kubectl create cm c --from-literal=a=1 --from-literal=a=1",
         ["missing flag --from-literal=a=1"]),
        ("kubectl create deploy web --image=nginx --dry-run=server", "kubectl create deploy web --image=nginx --dry-run=client",
         ["flag --dry-run=server where --dry-run=client was expected"]),
        ("kubectl delete pod web --force=false", "kubectl delete pod web --force", ["missing flag --force"]),
        ("kubectl rollout status deploy/web --watch=false", "kubectl rollout status deploy/web",
         ["unexpected flag --watch=false"]),
        ("kubectl exec -it web -- bash", "kubectl exec -it web -- sh",
         ["command after -- is \"bash\" where \"sh\" was expected"]),
        ("kubectl exec -it web", "kubectl exec -it web -- sh", ["missing \"-- sh\""]),
        ("kubectl run web --image=nginx -o yaml", "kubectl run web --image=nginx -o yaml > pod.yaml",
         ["missing \"> pod.yaml\""]),
        ("kubectl logs web", "kubectl logs deploy/web", ["resource \"pod\" where \"deployment\" was expected"]),
        ("kubectl get pods -o json", "kubectl get pods -o yaml", ["flag --output=json where --output=yaml was expected"]),
        ("kubectl get pods", "kubectl get pods -A", ["missing flag --all-namespaces"]),
        ("kubectl get pods --show-labls", "kubectl get pods --show-labels",
         ["missing flag --show-labels", "unexpected flag --show-labls (did you mean --show-labels?)"]),
        ("kubectl get pods --no-header -o wide", "kubectl get pods --no-headers -o wide",
         ["missing flag --no-headers", "unexpected flag --no-header (did you mean --no-headers?)"]),
        ("kubectl label pod web app=api", "kubectl label pod web app=web",
         ["argument \"app=api\" where \"app=web\" was expected"]),
        ("kubectl get pods.metrics.k8s.io", "kubectl get pods",
         ["resource \"pods.metrics.k8s.io\" where \"pod\" was expected"]),
        ("kubectl get pods web -n default", "kubectl get pods web", ["unexpected flag --namespace=default"]),
        ("kubectl exec -it web -- /bin/sh", "kubectl exec -it web -- sh",
         ["command after -- is \"/bin/sh\" where \"sh\" was expected"]),
        ("kubectl exec web -- sh", "kubectl exec -it web -- sh", ["missing flag --stdin", "missing flag --tty"]),
        ("kubectl get deploy web -o yaml", "kubectl get deploy web -o yaml > web.yaml | tee", ["missing \"> web.yaml | tee\""]),
        ("kubectl create deploy web --image=nginx --dry-run=client -o yaml", "kubectl create deploy web --image=nginx -o yaml",
         ["unexpected flag --dry-run=client"]),
        ("kubectl get pod web -o wide", "kubectl get pods -o wide", ["unexpected name \"web\""]),
        ("kubectl rollout undo deploy/web", "kubectl rollout undo deploy/web --to-revision=2", ["missing flag --to-revision=2"]),
        ("kubectl logs web -c sidecar", "kubectl logs web -c app", ["flag --container=sidecar where --container=app was expected"]),
        ("kubectl logs web", "kubectl logs web --previous", ["missing flag --previous"]),
        ("kubectl taint nodes n1 key=value:NoExecute", "kubectl taint nodes n1 key=value:NoSchedule",
         ["argument \"key=value:NoExecute\" where \"key=value:NoSchedule\" was expected"]),
        ("kubectl create deploy web --image nginx --replicas 3 -n dev", "kubectl create deployment api --image=nginx --replicas=2",
         ["argument \"web\" where \"api\" was expected", "flag --replicas=3 where --replicas=2 was expected",
          "unexpected flag --namespace=dev"]),
    ]

    @Test("Commands that differ say how, line by line", arguments: unequalPairs)
    func unequal(pair: (typed: String, expected: String, differences: [String])) throws {
        let typed = try KubectlCommand.parse(pair.typed), expected = try KubectlCommand.parse(pair.expected)
        #expect(!typed.matches(expected))
        #expect(typed.differences(from: expected) == pair.differences)
    }

    @Test("Positional order matters; arguments after -- are kept verbatim")
    func orderAndTrailing() throws {
        #expect(try KubectlCommand.parse("kubectl get pods a b") != KubectlCommand.parse("kubectl get pods b a"))
        let exec = try KubectlCommand.parse("kubectl exec web -- ls -la '/tmp dir' -n x")
        #expect(exec.afterDoubleDash == ["ls", "-la", "/tmp dir", "-n", "x"])
        #expect(exec.flags.isEmpty)
        #expect(exec.description == "kubectl exec pods/web -- ls -la '/tmp dir' -n x")
    }

    @Test("A bare --dry-run followed by a word reads as pflag reads it: the word is an argument")
    func optionalValueNeedsEquals() throws {
        let command = try KubectlCommand.parse("kubectl create deploy web --image=nginx --dry-run client")
        #expect(command.arguments == [.text("web"), .text("client")])
        #expect(command.flags.contains(.init(name: "dry-run", value: "client")))
    }

    @Test("The parsed parts are kubectl's: long flag names, canonical types, aliases resolved")
    func structure() throws {
        let command = try KubectlCommand.parse("k -n dev get deploy/web po/api -oyaml -l 'b=2, a=1' --show-labels")
        #expect(command.verb == ["get"])
        #expect(command.arguments == [.resource(type: "deployments", name: "web"), .resource(type: "pods", name: "api")])
        let listed = try KubectlCommand.parse("kubectl get po,svc a b")
        #expect(listed.arguments == [.resource(type: "pods", name: "a"), .resource(type: "pods", name: "b"),
                                     .resource(type: "services", name: "a"), .resource(type: "services", name: "b")])
        #expect(command.flags == [.init(name: "namespace", value: "dev"), .init(name: "output", value: "yaml"),
                                  .init(name: "selector", value: "a=1,b=2"), .init(name: "show-labels", value: nil)])
        let secret = try KubectlCommand.parse("kubectl create secret generic db --from-literal=password=s3cr3t")
        #expect(secret.verb == ["create", "secret", "generic"] && secret.arguments == [.text("db")])
        #expect(try KubectlCommand.parse("kubectl get pods --timeout=90s").flags == [.init(name: "timeout", value: "1m30s")])
    }

    @Test("Lines that are not kubectl commands are refused with a message saying why", arguments: [
        ("", "empty command"),
        ("kubeclt get pods", "a kubectl command starts with \"kubectl\" (or its alias \"k\"), not \"kubeclt\""),
        ("kubectl gett pods", "unknown command \"gett\" for \"kubectl\"; did you mean \"get\"?"),
        ("kubectl rollout", "\"kubectl rollout\" needs a subcommand: history, pause, restart, resume, status, undo"),
        ("kubectl rollout undoo deploy/web", "unknown command \"undoo\" for \"kubectl rollout\"; did you mean \"undo\"?"),
        ("kubectl create secret db", "unknown command \"db\" for \"kubectl create secret\""),
        ("kubectl get pods -n", "flag needs an argument: 'n' in -n"),
        ("kubectl get pods --namespace", "flag needs an argument: --namespace"),
        ("kubectl get pods -z", "unknown shorthand flag 'z' in -z for \"kubectl get\""),
        ("kubectl create job j --image=busybox -r 3", "unknown shorthand flag 'r' in -r for \"kubectl create job\""),
        ("kubectl logs web -i", "unknown shorthand flag 'i' in -i for \"kubectl logs\""),
        ("kubectl get pods --watch=maybe", "invalid argument \"maybe\" for \"--watch=maybe\": a true/false flag"),
        ("kubectl apply -f a.yaml --dry-run=yes", "invalid value \"yes\" for --dry-run: expected one of client, none, server"),
        ("kubectl run web --image='nginx", "unterminated single quote"),
        ("kubectl run web --image=\"nginx", "unterminated double quote"),
        ("kubectl get pods \\", "lone backslash"),
        ("kubectl -n dev", "no command after kubectl"),
    ])
    func parseErrors(line: String, message: String) {
        #expect {
            _ = try KubectlCommand.parse(line)
        } throws: { error in
            (error as? KubectlParseError)?.message.contains(message) ?? false
        }
    }
}

@Suite("Judging a typed command against a card's accepted answers")
struct KubectlJudgementTests {
    @Test("Any accepted answer that means the same makes the typed command correct")
    func correct() {
        let verdict = KubectlCommand.judge("k scale --replicas 3 deploy/web",
                                           accepted: ["kubectl scale deployment web --replicas=2", "kubectl scale deployment web --replicas=3"])
        #expect(verdict == KubectlJudgement(isCorrect: true, closest: "kubectl scale deployment web --replicas=3", differences: []))
    }

    @Test("A wrong command is shown against the closest accepted answer")
    func closest() {
        let verdict = KubectlJudgement(isCorrect: false, closest: "kubectl create deployment web --image=nginx --replicas=3",
                                       differences: ["missing flag --replicas=3"])
        #expect(KubectlCommand.judge("kubectl create deploy web --image=nginx",
                                     accepted: ["kubectl run web --image=nginx", "kubectl create deployment web --image=nginx --replicas=3"]) == verdict)
    }

    @Test("A line that is not a kubectl command is wrong, with the reason")
    func unreadable() {
        let verdict = KubectlCommand.judge("kubectl get pods -o", accepted: ["kubectl get pods -o wide"])
        #expect(!verdict.isCorrect)
        #expect(verdict.differences == ["cannot read the command: flag needs an argument: 'o' in -o"])
    }
}
