#!/bin/sh
# Writes manifests produced by kubectl's own generators (client-side dry run, no cluster needed) into
# the validation corpus. Every one must validate. Run: sh Scripts/make-kubectl-corpus.sh
set -e
out="$(dirname "$0")/../Tests/KubeModelTests/Fixtures/corpus"
mkdir -p "$out"
# Generators that need API discovery (create role) fail without a cluster and are skipped.
gen() {
  name="$1"; shift
  if body="$(kubectl "$@" --dry-run=client -o yaml 2>/dev/null)"; then
    { echo "# kubectl $* --dry-run=client -o yaml  ($(kubectl version --client 2>/dev/null | head -1))"; \
      echo "$body"; } > "$out/kubectl-$name.yaml"
  else
    echo "skipped (needs a cluster): kubectl $*" >&2
  fi
}
gen deployment create deployment web --image=nginx:1.27 --replicas=3 --port=80
gen deployment-multi create deployment multi --image=nginx --image=busybox
gen pod run web --image=nginx --port=80 --labels=app=web,tier=front
gen pod-env run envpod --image=busybox --env=MODE=debug --restart=Never -- sleep 3600
gen service-clusterip create service clusterip web --tcp=80:8080
gen service-nodeport create service nodeport web --tcp=80:8080 --node-port=30080
gen service-externalname create service externalname db --external-name=db.example.com
gen configmap create configmap app-config --from-literal=MODE=prod --from-literal=LEVEL=info
gen secret create secret generic db-pass --from-literal=password=s3cret
gen job create job backup --image=busybox -- echo done
gen cronjob create cronjob nightly --image=busybox --schedule="0 2 * * *" -- echo run
gen namespace create namespace team-a
gen serviceaccount create serviceaccount builder
gen role create role reader --verb=get,list,watch --resource=pods,services
gen rolebinding create rolebinding reader-binding --role=reader --serviceaccount=default:builder
gen clusterrole create clusterrole node-reader --verb=get,list --resource=nodes
gen clusterrolebinding create clusterrolebinding node-reader-binding --clusterrole=node-reader --user=alice
gen ingress create ingress web --rule="example.com/*=web:80" --class=nginx
gen pdb create poddisruptionbudget web-pdb --selector=app=web --min-available=2
gen priorityclass create priorityclass high --value=1000 --description="important"
gen quota create quota team-quota --hard=cpu=4,memory=8Gi,pods=20
