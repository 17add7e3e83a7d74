# Deliberately insecure: see ../README.md. Do not copy.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "db_password" {
  type      = string
  sensitive = true
}

# No server-side encryption, no versioning, no access logging, no public access block.
resource "aws_s3_bucket" "uploads" {
  bucket = "insecure-app-uploads"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read"
}

# SSH open to the whole internet, all egress allowed.
resource "aws_security_group" "ssh" {
  name        = "insecure-app-ssh"
  description = "SSH access"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Unencrypted, publicly accessible, no backups, no deletion protection.
resource "aws_db_instance" "main" {
  identifier              = "insecure-app-db"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "app"
  password                = var.db_password
  storage_encrypted       = false
  publicly_accessible     = true
  backup_retention_period = 0
  deletion_protection     = false
  skip_final_snapshot     = true
  vpc_security_group_ids  = [aws_security_group.ssh.id]
}
