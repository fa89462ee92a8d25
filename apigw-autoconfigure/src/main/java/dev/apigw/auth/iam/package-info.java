/**
 * IAM authorization ({@code AWS_IAM} methods): AWS Signature Version 4 verification of the
 * Authorization header and of presigned URLs, with credentials from an
 * {@link dev.apigw.auth.iam.IamCredentialsRepository}, and IAM-style identity policies.
 */
@NullMarked
package dev.apigw.auth.iam;

import org.jspecify.annotations.NullMarked;
