/// The emulator fixture: three accounts with users, groups, roles, managed and inline policies,
/// buckets with and without policies, a KMS-encrypted bucket, and an organization with an OU, an SCP
/// and an RCP. Written with boto3 (one process, `x-moto-account-id` per account); prints the ids
/// moto chose as JSON.
enum CollectFixture {
  static let script = #"""
    import json, sys
    import boto3

    endpoint = sys.argv[1]
    A, B, C = "111111111111", "222222222222", "333333333333"


    def client(service, account):
        made = boto3.client(
            service, endpoint_url=endpoint, region_name="us-east-1",
            aws_access_key_id="AKIAFIXTURE000000000", aws_secret_access_key="fixture-secret")
        def add_account(request, **_):
            request.headers["x-moto-account-id"] = account
        made.meta.events.register("before-sign.*.*", add_account)
        return made


    def doc(*statements):
        return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


    def trust(principal, condition=None):
        statement = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
        if condition:
            statement["Condition"] = condition
        return doc(statement)


    iam_a = client("iam", A)
    iam_a.create_group(GroupName="devs")
    iam_a.create_user(UserName="alice")
    iam_a.add_user_to_group(GroupName="devs", UserName="alice")
    iam_a.put_user_policy(UserName="alice", PolicyName="assume-builder", PolicyDocument=doc(
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::{B}:role/builder"}))
    writer = iam_a.create_policy(PolicyName="artifact-writer", PolicyDocument=doc(
        {"Effect": "Allow", "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::trustwalk-b-data/builds/*"}))
    iam_a.create_role(RoleName="deployer", Path="/ci/", AssumeRolePolicyDocument=trust({"AWS": f"arn:aws:iam::{A}:root"}))
    iam_a.attach_role_policy(RoleName="deployer", PolicyArn=writer["Policy"]["Arn"])

    s3_a = client("s3", A)
    s3_a.create_bucket(Bucket="trustwalk-a-artifacts")
    s3_a.put_bucket_policy(Bucket="trustwalk-a-artifacts", Policy=doc(
        {"Sid": "BuilderWrites", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{B}:role/builder"},
         "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "arn:aws:s3:::trustwalk-a-artifacts/builds/*"}))
    s3_a.create_bucket(Bucket="trustwalk-a-private")

    org = client("organizations", A)
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    unit = org.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
    scp = org.create_policy(Name="DenyLeave", Description="stay", Type="SERVICE_CONTROL_POLICY", Content=doc(
        {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}))
    org.attach_policy(PolicyId=scp["Policy"]["PolicySummary"]["Id"], TargetId=unit)
    rcp = org.create_policy(Name="OrgOnly", Description="org only", Type="RESOURCE_CONTROL_POLICY", Content=doc(
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
         "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-example"}}}))
    org.attach_policy(PolicyId=rcp["Policy"]["PolicySummary"]["Id"], TargetId=root)

    iam_b = client("iam", B)
    iam_b.create_role(RoleName="builder", AssumeRolePolicyDocument=doc(
        {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:root"}, "Action": "sts:AssumeRole",
         "Condition": {"StringEquals": {"sts:ExternalId": "build-42"}}}))
    iam_b.put_role_policy(RoleName="builder", PolicyName="write-artifacts", PolicyDocument=doc(
        {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::trustwalk-a-artifacts/builds/*"}))
    key = client("kms", B).create_key(Description="data key")["KeyMetadata"]
    s3_b = client("s3", B)
    s3_b.create_bucket(Bucket="trustwalk-b-data")
    s3_b.put_bucket_policy(Bucket="trustwalk-b-data", Policy=doc(
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:role/ci/deployer"}, "Action": "s3:PutObject",
         "Resource": "arn:aws:s3:::trustwalk-b-data/builds/*"}))
    s3_b.put_bucket_encryption(Bucket="trustwalk-b-data", ServerSideEncryptionConfiguration={"Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key["Arn"]},
         "BucketKeyEnabled": True}]})
    s3_b.put_bucket_ownership_controls(Bucket="trustwalk-b-data", OwnershipControls={
        "Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    s3_b.put_public_access_block(Bucket="trustwalk-b-data", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})

    iam_c = client("iam", C)
    iam_c.create_user(UserName="carol")
    iam_c.create_role(RoleName="auditor", AssumeRolePolicyDocument=trust(
        {"AWS": f"arn:aws:iam::{A}:root"}, {"StringEquals": {"sts:ExternalId": "audit-7"}}))
    client("s3", C).create_bucket(Bucket="trustwalk-c-logs")
    print(json.dumps({"key": key["KeyId"], "scp": scp["Policy"]["PolicySummary"]["Id"], "unit": unit}))
    """#
}
