"""Starts moto's server with a few faults patched, so that deploy -> outputs -> verify behaves
like AWS. Each patch wraps one of moto's own functions and cites the numbered difference in
shared/reference/local-aws.md. Only the faults marked (patchable) there are patched; everything
else is left as moto does it.

    python3 launcher.py PORT        # prints "moto ready on http://127.0.0.1:PORT"

Besides moto's own API, GET /_launcher/requests lists the AWS services called so far (from the
request's SigV4 credential scope) and DELETE /_launcher/requests clears that list, so a test can
tell whether a run touched AWS at all.
"""

import functools
import inspect
import json
import os
import re
import sys
import threading

from moto.cloudformation import parsing
from moto.cloudformation.models import CloudFormationBackend
from moto.cloudformation.responses import CloudFormationResponse
from moto.core.responses import ActionResult
from moto.ec2.models import ec2_backends
from moto.ec2.models.subnets import SubnetRouteTableAssociation
from moto.ec2.models.vpcs import VPC
from moto.kms.models import Key
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.s3.models import FakeBucket, s3_backends
from moto.utilities.utils import get_partition
from werkzeug.serving import make_server


def after(owner, name):
    """Replaces owner.name with a wrapper that calls the original, then `extra` with the
    original's result and arguments. A classmethod stays callable on the class (as moto calls
    create_from_cloudformation_json), with the class already bound."""

    def decorate(extra):
        original = getattr(owner, name)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            result = original(*args, **kwargs)
            extra(result, *args, **kwargs)
            return result

        setattr(owner, name, staticmethod(wrapper) if inspect.ismethod(original) else wrapper)
        return extra

    return decorate


# Difference 3: ExecuteChangeSet does not recompute the stack's outputs (a stack created by a
# change set has none, an updated one keeps stale ones). Rebuild them from the new template.
@after(CloudFormationBackend, "execute_change_set")
def _refresh_outputs(_result, backend, change_set_name, stack_name=None):
    change_set = backend.change_sets.get(change_set_name) or next(
        cs for cs in backend.change_sets.values() if cs.change_set_name == change_set_name
    )
    stack = backend.stacks[change_set.stack_id]
    stack._parse_template()
    stack.output_map = stack._create_output_map()


# Difference 8: properties dropped on create. Apply them through moto's own backend calls.
def _true(value):
    return str(value).lower() == "true"


@after(VPC, "create_from_cloudformation_json")
def _vpc_dns(vpc, _name, cloudformation_json, account_id, region_name, **_kwargs):
    properties = cloudformation_json.get("Properties", {})
    backend = ec2_backends[account_id][region_name]
    for prop, attribute in (
        ("EnableDnsSupport", "enable_dns_support"),
        ("EnableDnsHostnames", "enable_dns_hostnames"),
    ):
        if prop in properties:
            backend.modify_vpc_attribute(vpc.id, attribute, _true(properties[prop]))


@after(SubnetRouteTableAssociation, "create_from_cloudformation_json")
def _associate(association, _name, _json, account_id, region_name, **_kwargs):
    ec2_backends[account_id][region_name].associate_route_table(
        association.route_table_id, subnet_id=association.subnet_id
    )


@after(FakeBucket, "create_from_cloudformation_json")
def _bucket_settings(bucket, _name, cloudformation_json, account_id, region_name, **_kwargs):
    properties = cloudformation_json.get("Properties", {})
    backend = s3_backends[account_id][get_partition(region_name)]
    versioning = properties.get("VersioningConfiguration")
    if versioning:
        backend.put_bucket_versioning(bucket.name, versioning["Status"])
    public_access = properties.get("PublicAccessBlockConfiguration")
    if public_access:
        backend.put_public_access_block(bucket.name, public_access)


# Difference 9: a KeyPolicy written as an object breaks DescribeKey. Store it as JSON text.
_create_key = Key.create_from_cloudformation_json


def _key_from_cloudformation(name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json.get("Properties", {})
    if not isinstance(properties.get("KeyPolicy", ""), str):
        properties = {**properties, "KeyPolicy": json.dumps(properties["KeyPolicy"])}
        cloudformation_json = {**cloudformation_json, "Properties": properties}
    return _create_key(name, cloudformation_json, account_id, region_name, **kwargs)


Key.create_from_cloudformation_json = staticmethod(_key_from_cloudformation)


# Difference 10: a condition naming another condition (`!Condition X`, which the YAML loader
# turns into Fn::Condition) is mis-evaluated. Evaluate conditions recursively instead.
def _parse_condition(condition, resources_map, condition_map):
    if isinstance(condition, bool):
        return condition
    if isinstance(condition, str):
        return condition.lower() == "true"
    ((operator, args),) = condition.items()
    if operator in ("Condition", "Fn::Condition"):
        return bool(condition_map[args])
    if operator == "Fn::Equals":
        left, right = (parsing.clean_json(arg, resources_map) for arg in args)
        if right in (True, False) or left in (True, False):
            return str(left).lower() == str(right).lower()
        return left == right
    if operator == "Fn::Not":
        return not _parse_condition(args[0], resources_map, condition_map)
    if operator == "Fn::And":
        return all(_parse_condition(a, resources_map, condition_map) for a in args)
    if operator == "Fn::Or":
        return any(_parse_condition(a, resources_map, condition_map) for a in args)
    raise ValueError(f"unsupported condition function {operator}")


parsing.parse_condition = _parse_condition


# moto has no UpdateTerminationProtection: record the flag on the stack (DescribeStacks shows
# it). moto's DeleteStack ignores it, as it always has.
def _update_termination_protection(self):
    stack = self.cloudformation_backend.get_stack(self._get_param("StackName"))
    stack.enable_termination_protection = self._get_bool_param("EnableTerminationProtection", False)
    return ActionResult({"StackId": stack.stack_id})


CloudFormationResponse.update_termination_protection = _update_termination_protection


# Not in the numbered list: CreateChangeSet (UPDATE) with nothing to change fails at once with
# "No updates are to be performed." (that is UpdateStack's answer). AWS creates the change set and
# ends it FAILED with "The submitted information didn't contain changes", which moto's own backend
# also does once the response layer's early check is skipped. Needed to plan a deployed stack again.
_create_change_set = CloudFormationResponse.create_change_set


def _create_change_set_as_aws(self):
    self._validate_different_update = lambda *_args, **_kwargs: None
    try:
        return _create_change_set(self)
    finally:
        del self._validate_different_update


CloudFormationResponse.create_change_set = _create_change_set_as_aws


# The services called so far, for tests that must prove nothing reached AWS.
class RequestLog:
    SCOPE = re.compile(r"Credential=[^/]+/\d{8}/[^/]+/([^/]+)/aws4_request")

    def __init__(self, app):
        self.app = app
        self.services = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/_launcher/requests":
            with self.lock:
                if environ["REQUEST_METHOD"] == "DELETE":
                    self.services.clear()
                body = json.dumps(self.services).encode()
            start_response("200 OK", [("Content-Type", "application/json")])
            return [body]
        match = self.SCOPE.search(environ.get("HTTP_AUTHORIZATION", ""))
        if match:
            with self.lock:
                self.services.append(match.group(1))
        return self.app(environ, start_response)


def main():
    port = int(sys.argv[1])
    os.environ.setdefault("MOTO_PORT", str(port))
    server = make_server(
        "127.0.0.1", port, RequestLog(DomainDispatcherApplication(create_backend_app)), True
    )
    print(f"moto ready on http://127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
